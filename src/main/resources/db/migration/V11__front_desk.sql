-- The front desk acting for patients (issue 33). A booking the desk made past the patient's online
-- rules keeps the reason it gave, so that confirming it does not refuse what the desk already allowed;
-- a booking to be paid at the clinic keeps that choice and, once paid at the counter, when and how.
alter table appointment
    add column desk_reason text,
    add column pay_at_desk boolean not null default false,
    add column desk_paid_at timestamptz,
    add column desk_payment_reference text;

alter table appointment
    add constraint appointment_desk_reason_length check (desk_reason is null or length(desk_reason) between 1 and 500),
    add constraint appointment_desk_payment_reference_length
        check (desk_payment_reference is null or length(desk_payment_reference) between 1 and 100),
    add constraint appointment_desk_paid_only_if_owed check (desk_paid_at is null or pay_at_desk);
