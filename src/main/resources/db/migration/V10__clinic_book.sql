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
-- The status list is the one of appointment_one_active_per_slot, word for word, so that the free-time
-- queries that repeat it are answered from this index.
alter table appointment add constraint appointment_doctor_booked_once
    exclude using gist (doctor_id with =, tstzrange(starts_at, ends_at) with &&)
    where (status in ('DRAFT', 'PENDING_APPROVAL', 'CONFIRMED', 'CHECKED_IN'));

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
