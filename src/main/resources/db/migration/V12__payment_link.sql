-- Issue 33: a payment link the front desk sends a patient keeps the held time until it is paid, for as
-- long as the desk chooses, up to this limit of the clinic's (two days by default).
alter table booking_policy add column payment_link_hold_hours int not null default 48
    check (payment_link_hold_hours between 1 and 336);
