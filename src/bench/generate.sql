-- The benchmark's data set, generated set-based after the portal's Flyway migrations ran:
-- 2 tenants, 20 centres, 400 doctors, 180 days of slots (about 1.5 million), 50,000 patients,
-- about 1 million appointments with their timelines, payments and refunds, and lead 1 with 5,000
-- appointments. Laid out around now(), as the demo data is: 117 days back, 62 ahead (the horizon the
-- portal's slot generator keeps), so a portal started on this database adds no slots.
--
-- Ids below 100000 are fixed (tenants 1-2, centres 1-20, services, doctors 1-400, leads 1-50000) so
-- that the benchmark's logins name them; appointment, payment, refund and event ids are computed
-- (from 100000) and the identity sequences moved past them afterwards.
--
-- Foreign keys are triggers in PostgreSQL: the load runs with session_replication_role = replica so
-- that a million rows are not checked one by one, and checks every foreign key set-based at the end
-- instead. Unique, check and not-null constraints and every index are enforced as usual.

\set ON_ERROR_STOP on
set synchronous_commit = off;
set session_replication_role = replica;
set work_mem = '256MB';

begin;

insert into tenant (id, name, timezone) values
    (1, 'Harbour Health', 'Europe/London'),
    (2, 'Sunrise Clinics', 'America/New_York');
insert into booking_policy (tenant_id) values (1);
insert into booking_policy (tenant_id, same_day_cutoff, cancellation_window_minutes, hold_minutes)
values (2, '10:00', 1440, 15);

insert into centre (id, tenant_id, name, address, timezone)
select c, t, (array['London Bridge', 'Manchester Piccadilly', 'Dublin Docklands', 'Leeds Central', 'Bristol Harbourside',
                    'Boston Back Bay', 'Chicago Loop', 'Brooklyn Heights', 'Newark Penn', 'Philadelphia Old City'])[(t - 1) * 5 + (c - 1) % 10 / 2 + 1]
             || ' ' || (c - 1) % 2 + 1,
       ((c - 1) % 10 + 1) * 10 || ' High Street',
       case when t = 1 then (case when c % 10 = 3 then 'Europe/Dublin' else 'Europe/London' end)
            else (case when c % 2 = 0 then 'America/Chicago' else 'America/New_York' end) end
from generate_series(1, 20) c, lateral (select case when c <= 10 then 1 else 2 end as t) tt;
-- one centre with a rule of its own, as clinics have
insert into centre_booking_policy (centre_id, tenant_id, min_advance_minutes) values (3, 1, 240);

-- Per tenant: two free services everyone gives and three paid ones of the specialists.
insert into service (id, tenant_id, name, duration_minutes, fee, currency, payment_mode, token_amount, advance_percent)
select t * 100 + k, t, name, 20, fee, case t when 1 then 'GBP' else 'USD' end, mode, token, advance
from generate_series(1, 2) t
cross join (values (1, 'General consultation', 60.00, 'NONE', null::numeric, null::numeric),
                   (2, 'Follow-up visit', 40.00, 'NONE', null, null),
                   (3, 'Specialist consultation', 120.00, 'TOKEN', 20.00, null),
                   (4, 'Extended assessment', 200.00, 'ADVANCE', null, 30),
                   (5, 'Procedure review', 150.00, 'FULL', null, null)) s (k, name, fee, mode, token, advance);

-- Doctors 1-200 work for tenant 1, 201-400 for tenant 2; one in 25 approves each booking.
create temporary table doctor_plan as
select d as id, t, (t - 1) * 10 + 1 + d % 10 as home,
       case when d % 3 = 0 then (t - 1) * 10 + 1 + (d + 1) % 10 end as second,
       t * 100 + 3 + d % 3 as special
from generate_series(1, 400) d, lateral (select case when d <= 200 then 1 else 2 end as t) tt;

insert into doctor (id, tenant_id, name, specialty, languages, bio, requires_approval)
select p.id, p.t,
       'Dr ' || (array['Priya', 'Tom', 'Sofia', 'James', 'Aoife', 'Marcus', 'Rachel', 'Luis', 'Hannah', 'Samuel',
                       'Emily', 'Noah', 'Grace', 'Omar', 'Mei', 'Daniel', 'Fatima', 'Liam', 'Chloe', 'Arjun'])[p.id % 20 + 1]
             || ' ' || (array['Raman', 'Okafor', 'Lindqvist', 'Whitcombe', 'Byrne', 'Chen', 'Green', 'Ortega', 'Kim',
                              'Adeyemi', 'Foster', 'Patel', 'Nowak', 'Haddad', 'Tanaka', 'Murphy', 'Rossi', 'Silva',
                              'Schmidt', 'Dubois', 'Evans', 'Kowalski', 'Moreau'])[p.id * 7 % 23 + 1],
       (array['General practice', 'Physiotherapy', 'Dermatology', 'Cardiology', 'Paediatrics', 'Dentistry',
              'Orthopaedics', 'Psychiatry'])[p.id % 8 + 1],
       'English', 'Sees patients at ' || p.home || case when p.second is not null then ' and ' || p.second else '' end || '.',
       p.id % 25 = 0
from doctor_plan p;

insert into offering (tenant_id, doctor_id, service_id, centre_id)
select t, id, service_id, home from doctor_plan, unnest(array[t * 100 + 1, t * 100 + 2, special]) service_id
union all
select t, id, t * 100 + 1, second from doctor_plan where second is not null;

-- Monday to Saturday 09:00-17:00 in 20-minute slots; Saturdays at the second centre when there is one.
insert into weekly_schedule (tenant_id, doctor_id, centre_id, day_of_week, start_time, end_time, slot_minutes)
select t, id, case when dow = 6 and second is not null then second else home end, dow, '09:00', '17:00', 20
from doctor_plan cross join generate_series(1, 6) dow;

-- The same statement as the portal's SlotGenerator, over 180 days.
insert into slot (tenant_id, doctor_id, centre_id, starts_at, ends_at)
select ws.tenant_id, ws.doctor_id, ws.centre_id,
       (d::date + ws.start_time + k * make_interval(mins => ws.slot_minutes)) at time zone c.timezone,
       (d::date + ws.start_time + (k + 1) * make_interval(mins => ws.slot_minutes)) at time zone c.timezone
from weekly_schedule ws
join centre c on c.id = ws.centre_id
cross join generate_series((now() at time zone 'UTC')::date - 117, (now() at time zone 'UTC')::date + 62, interval '1 day') d
cross join lateral generate_series(
        0, floor(extract(epoch from ws.end_time - ws.start_time) / 60 / ws.slot_minutes)::int - 1) k
where extract(isodow from d::date) = ws.day_of_week
on conflict (doctor_id, starts_at) do nothing;

insert into lead (id, tenant_id, name, phone, email)
select l, case when l <= 25000 then 1 else 2 end, 'Patient ' || l,
       '+44 7700 ' || lpad((l % 1000000)::text, 6, '0'), 'patient' || l || '@example.com'
from generate_series(1, 50000) l;

-- One package per tenant, held by every tenth patient above the benchmark's logins.
insert into package (id, tenant_id, name, sessions, validity_days) values
    (1, 1, 'Care five-pack', 5, 180), (2, 2, 'Care six-pack', 6, 180);
insert into package_service (package_id, service_id) values (1, 101), (1, 102), (2, 201), (2, 202);
insert into package_centre (package_id, centre_id) select case when id <= 10 then 1 else 2 end, id from centre;
insert into patient_package (tenant_id, lead_id, package_id, status, sessions_total, sessions_used, valid_from,
                             valid_until, purchased_at)
select l.tenant_id, l.id, l.tenant_id, 'ACTIVE', 5 + l.tenant_id - 1, 0, now() - interval '30 days',
       now() + interval '150 days', now() - interval '30 days'
from lead l where l.id % 10 = 0 and l.id > 1000;

-- Which slots carry an appointment, for whom and in which state. Past slots: 95 % booked, mostly
-- attended. Bookable days ahead: a quarter confirmed (pending where the doctor approves), an eighth
-- cancelled. Lead 1 gets 5,000 past appointments spread over the whole history; active appointments
-- go to leads 1001 and up, at most two each, so the benchmark's patients (2-1000 and 25001-26000)
-- are under the active limit.
create temporary table plan as
with candidate as (
    select s.id as slot_id, s.tenant_id, s.doctor_id, s.centre_id, s.starts_at, s.ends_at,
           (s.id * 2654435761) % 4294967291 as h,
           s.ends_at < now() - interval '1 hour' as past
    from slot s
    where s.ends_at < now() - interval '1 hour'
       or (s.starts_at > now() + interval '1 day' and s.starts_at <= now() + interval '30 days')
), chosen as (
    select c.*,
           case when c.past then (case when h % 100 < 82 then 'COMPLETED' when h % 100 < 89 then 'CANCELLED'
                                       when h % 100 < 95 then 'EXPIRED' end)
                when h % 100 < 25 then 'ACTIVE'
                when h % 100 < 37 then 'CANCELLED' end as outcome
    from candidate c
), booked as (
    select c.*,
           row_number() over (partition by c.tenant_id, c.past, c.outcome = 'ACTIVE' order by c.starts_at, c.slot_id) as rn,
           count(*) over (partition by c.tenant_id, c.past, c.outcome = 'ACTIVE') as n
    from chosen c where c.outcome is not null
)
select b.slot_id, b.tenant_id, b.doctor_id, b.centre_id, b.starts_at, b.ends_at, b.h,
       case when b.outcome = 'ACTIVE' then (case when d.requires_approval then 'PENDING_APPROVAL' else 'CONFIRMED' end)
            else b.outcome end as status,
       d.requires_approval as approval,
       case when b.tenant_id = 1 and b.past and b.rn % nullif(b.n / 5000, 0) = 0 and b.rn / nullif(b.n / 5000, 0) <= 5000 then 1
            when b.outcome = 'ACTIVE' then (b.tenant_id - 1) * 25000 + 1001 + b.rn % 23999
            else (b.tenant_id - 1) * 25000 + 2 + (b.h / 100) % 24998 end as lead_id,
       case when b.centre_id <> p.home then b.tenant_id * 100 + 1
            when b.h / 7 % 10 < 6 then b.tenant_id * 100 + 1
            when b.h / 7 % 10 < 8 then b.tenant_id * 100 + 2
            else p.special end as service_id,
       case when b.past then b.starts_at - make_interval(days => 2 + (b.h / 13 % 20)::int)
            else now() - make_interval(days => 1 + (b.h / 13 % 10)::int) end as created_at
from booked b
join doctor d on d.id = b.doctor_id
join doctor_plan p on p.id = b.doctor_id;

create temporary table plan_numbered as
select 100000 + row_number() over (order by starts_at, slot_id) as id, p.*,
       round(case sv.payment_mode when 'TOKEN' then sv.token_amount when 'ADVANCE' then sv.fee * sv.advance_percent / 100
                                  when 'FULL' then sv.fee else 0 end, 2) as amount_due,
       sv.currency,
       -- a cancellation half-way between booking and the visit (or now, for visits still ahead)
       p.created_at + (least(p.starts_at, now()) - p.created_at) / 2 as cancelled_at
from plan p join service sv on sv.id = p.service_id;

-- Paid online when the service asks for it and the booking got past the hold.
insert into payment (id, tenant_id, lead_id, appointment_id, amount, currency, reference, status, created_at, completed_at)
select id, tenant_id, lead_id, id, amount_due, currency, 'SBX-BENCH-' || id, 'SUCCEEDED',
       created_at + interval '1 minute', created_at + interval '2 minutes'
from plan_numbered where amount_due > 0 and status <> 'EXPIRED';

insert into refund (id, tenant_id, payment_id, amount, currency, status, reference, created_at, settled_at)
select id, tenant_id, id, amount_due, currency, 'COMPLETED', 'SBX-BENCH-R' || id, cancelled_at, cancelled_at + interval '2 days'
from plan_numbered where amount_due > 0 and status = 'CANCELLED';

insert into appointment (id, tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at, status,
                         hold_expires_at, amount_due, currency, payment_id, cancel_reason, created_at, updated_at)
select id, tenant_id, lead_id, slot_id, doctor_id, centre_id, service_id, starts_at, ends_at, status,
       created_at + interval '10 minutes', amount_due, currency,
       case when amount_due > 0 and status <> 'EXPIRED' then id end,
       case when status = 'CANCELLED' then 'Plans changed' end,
       created_at,
       case status when 'COMPLETED' then ends_at
                   when 'CANCELLED' then cancelled_at
                   when 'EXPIRED' then created_at + interval '10 minutes'
                   when 'CONFIRMED' then created_at + case when approval then interval '4 hours' else interval '3 minutes' end
                   else created_at + interval '3 minutes' end
from plan_numbered;

-- Every appointment's timeline, as the portal writes it.
insert into appointment_event (id, tenant_id, appointment_id, at, actor_type, actor_id, from_status, to_status, detail)
select 100000 + (p.id - 100000) * 6 + e.step, p.tenant_id, p.id, e.at, e.actor_type,
       case e.actor_type when 'PATIENT' then p.lead_id::text when 'STAFF' then 'front-desk' end,
       e.from_status, e.to_status, e.detail
from plan_numbered p
cross join lateral (values
    (0, p.created_at, 'PATIENT', null, 'DRAFT', 'Held for ' || case p.tenant_id when 1 then 10 else 15 end || ' minutes', true),
    (1, p.created_at + interval '10 minutes', 'SYSTEM', 'DRAFT', 'EXPIRED', 'Hold expired', p.status = 'EXPIRED'),
    (2, p.created_at + interval '3 minutes', 'PATIENT', 'DRAFT',
        case when p.approval then 'PENDING_APPROVAL' else 'CONFIRMED' end,
        case when p.approval then 'Waiting for the clinic''s approval' end, p.status <> 'EXPIRED'),
    (3, p.created_at + interval '4 hours', 'STAFF', 'PENDING_APPROVAL', 'CONFIRMED', 'Approved',
        p.approval and p.status in ('CONFIRMED', 'COMPLETED', 'CANCELLED')),
    (4, p.starts_at - interval '10 minutes', 'STAFF', 'CONFIRMED', 'CHECKED_IN', null, p.status = 'COMPLETED'),
    (5, case when p.status = 'CANCELLED' then p.cancelled_at else p.ends_at end, case when p.status = 'CANCELLED' then 'PATIENT' else 'STAFF' end,
        case when p.status = 'CANCELLED' then 'CONFIRMED' else 'CHECKED_IN' end, p.status,
        case when p.status = 'CANCELLED' then 'Plans changed' end, p.status in ('COMPLETED', 'CANCELLED'))
) e (step, at, actor_type, from_status, to_status, detail, applies)
where e.applies;

select setval(pg_get_serial_sequence(t, 'id'), (select greatest(max(id), 100000) from appointment))
from unnest(array['appointment', 'payment', 'refund']) t;
select setval(pg_get_serial_sequence('appointment_event', 'id'), (select max(id) from appointment_event));

commit;

set session_replication_role = origin;

-- Every foreign key the load skipped, checked at once: each count must be 0.
do $$
declare
    broken bigint;
begin
    select (select count(*) from appointment a where not exists (select 1 from slot s where s.id = a.slot_id))
         + (select count(*) from appointment a where not exists (select 1 from lead l where l.id = a.lead_id))
         + (select count(*) from appointment a where a.payment_id is not null
                                                and not exists (select 1 from payment p where p.id = a.payment_id))
         + (select count(*) from payment p where not exists (select 1 from appointment a where a.id = p.appointment_id))
         + (select count(*) from refund r where not exists (select 1 from payment p where p.id = r.payment_id))
         + (select count(*) from appointment_event e where not exists (select 1 from appointment a where a.id = e.appointment_id))
         + (select count(*) from appointment a join slot s on s.id = a.slot_id
            where s.doctor_id <> a.doctor_id or s.centre_id <> a.centre_id or s.starts_at <> a.starts_at
               or s.tenant_id <> a.tenant_id)
         + (select count(*) from appointment a join lead l on l.id = a.lead_id where l.tenant_id <> a.tenant_id)
         + (select count(*) from appointment a
            where not exists (select 1 from offering o where o.doctor_id = a.doctor_id and o.centre_id = a.centre_id
                                                          and o.service_id = a.service_id))
      into broken;
    if broken > 0 then
        raise exception 'generated data breaks % references', broken;
    end if;
end $$;

vacuum (analyze) ;
