-- Back to the data set as generated: removes every row a benchmark run added (holds, bookings,
-- their events, payments and refunds, rate-limit rows) so that every run starts alike.
\set ON_ERROR_STOP on
delete from appointment_event where id > (select event_id from bench_generated);
delete from refund where id > (select refund_id from bench_generated);
update appointment set payment_id = null where id > (select appointment_id from bench_generated) and payment_id is not null;
delete from payment where id > (select payment_id from bench_generated);
delete from appointment where id > (select appointment_id from bench_generated);
-- statistics only: a vacuum of a million rows would cost half a minute per run; autovacuum follows
analyze appointment;
-- the per-patient rate limiter's rows (rate_limit, or rate_limit_bucket before V4)
do $$
declare
    t text;
begin
    for t in select tablename from pg_tables where schemaname = 'public' and tablename in ('rate_limit', 'rate_limit_bucket') loop
        execute format('truncate table %I', t);
    end loop;
end $$;
