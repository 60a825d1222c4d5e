-- Issue 29, a doctor's time is booked once: a booking takes its service's length, however many of the
-- doctor's slots that spans, and the database refuses two active bookings of one doctor that overlap.

-- The exclusion constraint compares the doctor by equality inside a GiST index (trusted: the database's
-- owner may create it).
create extension if not exists btree_gist;

-- Bookings made before this ended with their slot. Each takes its service's length now, except where
-- that would run into another active booking of its doctor: that one keeps its slot's end, so that the
-- constraint below holds and nobody's visit is moved. A booking only grows later, so comparing the new
-- end with the other bookings' starts as they are is enough.
update appointment a
set ends_at = a.starts_at + make_interval(mins => sv.duration_minutes)
from service sv
where sv.id = a.service_id
  and a.ends_at <> a.starts_at + make_interval(mins => sv.duration_minutes)
  and (a.status not in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')
       or not exists (select 1 from appointment o
                      where o.doctor_id = a.doctor_id and o.id <> a.id
                        and o.status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN')
                        and o.starts_at >= a.starts_at
                        and o.starts_at < a.starts_at + make_interval(mins => sv.duration_minutes)));

-- A doctor's time holds one active booking: whatever the centre, the service or the portal instance.
alter table appointment add constraint appointment_doctor_booked_once
    exclude using gist (doctor_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN'));

-- A booking lasts at most eight hours (a service's longest; a slot's is four), so that a read can look for
-- the bookings overlapping a time among those that start up to eight hours before it, in a btree.
alter table appointment add constraint appointment_at_most_eight_hours
    check (ends_at > starts_at and ends_at <= starts_at + interval '8 hours');
-- The doctor's active bookings by start: what the free-time queries read (a btree probe is about five
-- times cheaper than the exclusion constraint's GiST index for the same question).
create index appointment_active_by_doctor on appointment (doctor_id, starts_at) include (ends_at)
    where status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN');

-- A visit nobody came to is NO_SHOW, not COMPLETED.
alter table appointment drop constraint appointment_status_check;
alter table appointment add constraint appointment_status_check
    check (status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW',
                      'CANCELLED', 'EXPIRED', 'RESCHEDULED'));

-- What the completion job makes of a visit the desk did not mark: COMPLETED, or NO_SHOW.
alter table booking_policy add column unmarked_visits text not null default 'COMPLETED'
    check (unmarked_visits in ('COMPLETED', 'NO_SHOW'));

-- The number a patient calls for anything the portal no longer lets them do.
alter table centre add column phone text;
