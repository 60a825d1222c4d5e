-- Issue 19, no surprise timeouts: a patient warned that their hold is running out may keep the time
-- once more (by default one extension of the hold's own length); a centre may allow none, or up to three.
alter table booking_policy add column hold_extensions int not null default 1 check (hold_extensions between 0 and 3);
alter table centre_booking_policy add column hold_extensions int check (hold_extensions between 0 and 3);

-- How many times this hold was kept longer; compared and set in one update, so two clicks extend once.
alter table appointment add column hold_extensions_used int not null default 0 check (hold_extensions_used >= 0);
