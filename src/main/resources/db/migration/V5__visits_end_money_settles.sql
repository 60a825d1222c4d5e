-- Visits end: a booking still CONFIRMED or CHECKED_IN this long after it ended is completed by a job.
alter table booking_policy add column visit_grace_minutes int not null default 120 check (visit_grace_minutes >= 0);
-- What the completion job looks for, in the order it takes it.
create index appointment_visits_to_complete on appointment (ends_at) where status in ('CONFIRMED', 'CHECKED_IN');

-- The rate limits are the portal's settings (portal.rate-limit.*); these columns were never read.
alter table booking_policy drop column requests_per_minute;
alter table booking_policy drop column writes_per_minute;

-- Money settles: a refund goes INITIATED -> COMPLETED or FAILED as the gateway reports, at a time
-- the patient is shown.
alter table refund add column settled_at timestamptz;
alter table refund add check (status = 'INITIATED' or settled_at is not null);
create index refund_initiated on refund (created_at) where status = 'INITIATED';
-- Payments nobody finished: the sweep asks the gateway about each, oldest first.
create index payment_started on payment (created_at) where status = 'STARTED';

-- The SANDBOX gateway's own books (no money moves): what each checkout and refund it was handed
-- became. A real gateway keeps these on its side; the sandbox keeps them here so that every portal
-- instance sees the same answers.
create table sandbox_gateway_ledger (
    reference  text        primary key,
    kind       text        not null check (kind in ('PAYMENT', 'REFUND')),
    amount     numeric(14, 3) not null,
    currency   char(3)     not null,
    outcome    text check (outcome in ('SUCCEEDED', 'FAILED', 'ABANDONED', 'COMPLETED')),
    created_at timestamptz not null,
    decided_at timestamptz
);
