-- Staff preview: every page a staff member views as a patient, who looked at whom and when.
create table preview_audit (
    id          bigint generated always as identity (start with 100000) primary key,
    tenant_id   bigint      not null references tenant (id),
    staff_user  text        not null,
    lead_id     bigint      not null references lead (id),
    page        text        not null,
    viewed_at   timestamptz not null
);
create index preview_audit_by_patient on preview_audit (tenant_id, lead_id, viewed_at desc);

-- Rate limits: Bucket4j's PostgreSQL state, one row per caller and kind of request, shared by
-- every portal instance on this database.
create table rate_limit_bucket (
    id          text primary key,
    state       bytea
);
