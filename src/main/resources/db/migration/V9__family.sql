-- Issue 20, booking for the family: who may act for whom is the clinic's record. A guardian (a
-- parent, a carer) books, moves and cancels for a dependant from their own login while a link
-- between the two is in force; staff make, extend and end the links, and every change is audited.

-- A child's link ends at 18: the clinic records the date of birth it goes by.
alter table lead add column date_of_birth date;

create table family_link (
    id                 bigint generated always as identity (start with 100000) primary key,
    tenant_id          bigint      not null references tenant (id),
    guardian_lead_id   bigint      not null references lead (id),
    dependant_lead_id  bigint      not null references lead (id),
    relationship       text        not null check (relationship in ('CHILD', 'PARENT', 'PARTNER', 'OTHER')),
    -- the first day the link no longer holds, in the clinic's zone; null while it holds until ended
    ends_on            date,
    linked_by          text        not null,
    linked_at          timestamptz not null,
    ended_by           text,
    ended_at           timestamptz,
    check (guardian_lead_id <> dependant_lead_id),
    check ((ended_by is null) = (ended_at is null))
);
-- At most one link in force between the same two people; an ended one stays, for the record.
create unique index family_link_one_open on family_link (guardian_lead_id, dependant_lead_id) where ended_at is null;
create index family_link_by_guardian on family_link (tenant_id, guardian_lead_id);
create index family_link_by_dependant on family_link (tenant_id, dependant_lead_id);

-- Every change staff made to a link: who, what, when, and the end date it then had.
create table family_link_audit (
    id          bigint generated always as identity (start with 100000) primary key,
    tenant_id   bigint      not null references tenant (id),
    link_id     bigint      not null references family_link (id),
    staff_user  text        not null,
    action      text        not null check (action in ('LINKED', 'EXTENDED', 'ENDED')),
    ends_on     date,
    at          timestamptz not null
);
create index family_link_audit_by_link on family_link_audit (link_id, at);

-- The timeline names a guardian who acted for the patient: actor_id is the guardian's lead.
alter table appointment_event drop constraint appointment_event_actor_type_check;
alter table appointment_event add constraint appointment_event_actor_type_check
    check (actor_type in ('PATIENT', 'GUARDIAN', 'STAFF', 'SYSTEM'));
