-- The demo clinic that does not depend on the day it is loaded: two clinics, their rules, centres,
-- services, doctors and where and when they work, their patients and the treatment packages they sell.
-- DemoData runs it once, in one round trip, into an empty database; ids below 100000 are fixed because
-- the users of the identity provider and the tests name them.

insert into tenant (id, name, timezone) values
    (1, 'Harbour Health', 'Europe/London'),
    (2, 'Sunrise Clinics', 'America/New_York');

insert into booking_policy (tenant_id) values (1);

insert into booking_policy (tenant_id, same_day_cutoff, cancellation_window_minutes, hold_minutes)
values (2, '10:00', 2880, 15);

insert into centre (id, tenant_id, name, address, timezone, phone) values
    (1, 1, 'London Bridge', '12 Tooley Street, London SE1', 'Europe/London', '020 7946 0018'),
    (2, 1, 'Manchester Piccadilly', '4 Piccadilly Place, Manchester M1', 'Europe/London', '0161 496 0027'),
    (3, 1, 'Dublin Docklands', '1 Grand Canal Square, Dublin 2', 'Europe/Dublin', '01 555 0134'),
    (11, 2, 'Boston Back Bay', '500 Boylston Street, Boston MA', 'America/New_York', '(617) 555-0142'),
    (12, 2, 'Chicago Loop', '200 W Madison Street, Chicago IL', 'America/Chicago', '(312) 555-0178');

insert into centre_booking_policy (centre_id, tenant_id, min_advance_minutes) values (3, 1, 240);

insert into service (id, tenant_id, name, duration_minutes, fee, currency, payment_mode,
                     token_amount, advance_percent, requires_approval) values
    (101, 1, 'General consultation', 20, 60.00, 'GBP', 'NONE', null, null, false),
    (102, 1, 'Physiotherapy session', 45, 80.00, 'GBP', 'TOKEN', 20.00, null, false),
    (103, 1, 'Dermatology review', 30, 150.00, 'GBP', 'ADVANCE', null, 30, false),
    (104, 1, 'Cardiology assessment', 40, 240.00, 'GBP', 'FULL', null, null, false),
    (105, 1, 'Minor surgery consultation', 30, 120.00, 'GBP', 'NONE', null, null, true),
    (111, 2, 'Primary care visit', 20, 90.00, 'USD', 'NONE', null, null, false),
    (112, 2, 'Physical therapy', 45, 110.00, 'USD', 'TOKEN', 25.00, null, false),
    (113, 2, 'Dental cleaning', 40, 180.00, 'USD', 'ADVANCE', null, 25, false),
    (114, 2, 'Dermatology consult', 30, 200.00, 'USD', 'FULL', null, null, false),
    (115, 2, 'Specialist referral', 30, 175.00, 'USD', 'ADVANCE', null, 33.33, false);

insert into doctor (id, tenant_id, name, specialty, languages, bio, requires_approval) values
    (201, 1, 'Dr Priya Raman', 'General practice', 'English, Tamil',
     'A family doctor who likes to see the whole picture before reaching for a prescription.', false),
    (202, 1, 'Dr Tom Okafor', 'Physiotherapy', 'English, Yoruba',
     'Helps runners, desk workers and weekend footballers get moving without pain.', false),
    (203, 1, 'Dr Sofia Lindqvist', 'Dermatology', 'English, Swedish',
     'Reviews every referral herself, so new patients are confirmed once she has read the request.', true),
    (204, 1, 'Dr James Whitcombe', 'Cardiology', 'English',
     'A cardiologist with twenty years of heart-rhythm clinics behind him.', false),
    (205, 1, 'Dr Aoife Byrne', 'General practice', 'English, Irish',
     'Looks after families in Dublin, from newborn checks to long-term care.', false),
    (206, 1, 'Dr Marcus Chen', 'Surgery', 'English, Mandarin',
     'Assesses lumps, bumps and ingrown nails before any minor procedure.', false),
    (211, 2, 'Dr Rachel Green', 'Primary care', 'English',
     'A primary care physician who keeps appointments on time and explanations plain.', false),
    (212, 2, 'Dr Luis Ortega', 'Physical therapy', 'English, Spanish',
     'Builds recovery plans after sports injuries and surgery.', false),
    (213, 2, 'Dr Hannah Kim', 'Dentistry', 'English, Korean',
     'A gentle dentist for patients who would rather not be at the dentist.', false),
    (214, 2, 'Dr Samuel Adeyemi', 'Dermatology', 'English',
     'Sees complex skin cases and approves each booking once he has read the request.', true),
    (215, 2, 'Dr Emily Foster', 'Primary care', 'English',
     'Runs the Chicago practice and its annual check-ups.', false),
    (216, 2, 'Dr Noah Patel', 'Cardiology', 'English, Hindi',
     'Focuses on preventive cardiology and blood-pressure care.', false);

insert into offering (tenant_id, doctor_id, service_id, centre_id) values
    (1, 201, 101, 1), (1, 201, 101, 2), (1, 202, 102, 1), (1, 202, 102, 2), (1, 203, 103, 1),
    (1, 204, 104, 1), (1, 204, 101, 1), (1, 205, 101, 3), (1, 206, 105, 2),
    (2, 211, 111, 11), (2, 212, 112, 11), (2, 212, 112, 12), (2, 213, 113, 11), (2, 214, 114, 11),
    (2, 215, 111, 12), (2, 215, 115, 12), (2, 216, 115, 11);

-- Weekdays at the first centre of each doctor, Saturday mornings at a second one: never two places at once.
insert into weekly_schedule (tenant_id, doctor_id, centre_id, day_of_week, start_time, end_time, slot_minutes)
select o.tenant_id, o.doctor_id, o.first_centre, dow, hours.starts, hours.ends, 30
from (select tenant_id, doctor_id, min(centre_id) as first_centre from offering
      where tenant_id in (1, 2) group by tenant_id, doctor_id) o
cross join generate_series(1, 5) dow
cross join (values (time '09:00', time '12:30'), (time '14:00', time '17:00')) hours (starts, ends);

insert into weekly_schedule (tenant_id, doctor_id, centre_id, day_of_week, start_time, end_time, slot_minutes)
select tenant_id, doctor_id, max(centre_id), 6, '09:00', '13:00', 30 from offering
where tenant_id in (1, 2) group by tenant_id, doctor_id having count(distinct centre_id) > 1;

insert into lead (id, tenant_id, name, phone, email) values
    (1, 1, 'Amelia Hart', '+44 7700 900001', 'amelia@example.com'),
    (2, 1, 'Oliver Brooks', '+44 7700 900002', 'oliver@example.com'),
    (3, 1, 'Isla Patel', '+44 7700 900003', 'isla@example.com'),
    (4, 1, 'Noah Williams', '+44 7700 900004', 'noah@example.com'),
    (11, 2, 'Maya Johnson', '+1 617 555 0111', 'maya@example.com'),
    (12, 2, 'Ethan Rivera', '+1 617 555 0112', 'ethan@example.com'),
    (13, 2, 'Chloe Martin', '+1 312 555 0113', 'chloe@example.com'),
    (14, 2, 'Lucía Ramírez', '+1 617 555 0114', 'lucia@example.com'),
    (15, 2, 'Sofia Torres', '+1 617 555 0115', 'sofia@example.com');

-- the families: the two children of Amelia (no address of their own: their emails go to her), the son of
-- Oliver who turned 18 last year (his link ended then), and the father of Ethan, who also signs in himself
insert into lead (id, tenant_id, name, phone, email, date_of_birth) values
    (5, 1, 'Leo Hart', null, null, date '2017-04-09'),
    (6, 1, 'Mia Hart', null, null, date '2013-09-21'),
    (7, 1, 'Jack Brooks', '+44 7700 900007', 'jack@example.com', date '2007-06-02'),
    (16, 2, 'Robert Rivera', '+1 617 555 0116', 'robert@example.com', date '1948-11-30');

insert into package (id, tenant_id, name, sessions, validity_days) values
    (301, 1, 'Physio five-pack', 5, 180),
    (302, 1, 'Skin care trio', 3, 365),
    (303, 1, 'GP care plan', 4, 90),
    (311, 2, 'PT six-pack', 6, 120);

insert into package_service (package_id, service_id) values (301, 102), (302, 103), (303, 101), (311, 112);

insert into package_centre (package_id, centre_id) values
    (301, 1), (301, 2), (302, 1), (303, 1), (303, 2), (303, 3), (311, 11), (311, 12);
