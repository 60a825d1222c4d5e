package health.leap.portal.mail;

import health.leap.portal.appointments.AppointmentStatus;
import health.leap.portal.platform.NativeSql;
import health.leap.portal.platform.Row;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What a message says about a booking, read in one statement when it goes: the visit, its clinic, the
 * patient's address and choices, the time it was moved from, any refund, and the language to word it
 * in ({@code language}: the patient's choice, else that of the request that queued the message, else en).
 */
record MailFacts(long id, long tenantId, long leadId, AppointmentStatus status, Instant startsAt, Instant endsAt,
                 Instant createdAt, String cancelReason, long doctorId, String doctorName, String centreName,
                 String centreAddress, ZoneId zone, String serviceName, String clinicName, String patientName,
                 String email, boolean reminders, boolean changeNotices, Instant movedFrom, BigDecimal refundAmount,
                 String refundCurrency, boolean sessionGivenBack, String language, String guardianName,
                 boolean paidAndKept, BigDecimal amountDue, String currency, boolean toPayAtDesk, Instant holdExpiresAt) {

    /**
     * The facts of booking {@code appointmentId} for outbox message {@code messageId} at {@code now}. A
     * patient with no address of their own is written to at their guardian's: the earliest-made family
     * link in force then whose guardian has one ({@code guardianName} set, null otherwise).
     */
    static Optional<MailFacts> of(long appointmentId, long messageId, Instant now) {
        return NativeSql.one("""
                select a.id, a.tenant_id, a.lead_id, a.status, a.starts_at, a.ends_at, a.created_at, a.cancel_reason,
                       d.id as doctor_id, d.name as doctor, c.name as centre, c.address, c.timezone, s.name as service,
                       t.name as clinic, l.name as patient, coalesce(nullif(btrim(l.email), ''), g.email) as email,
                       g.name as guardian,
                       coalesce(mp.reminders, true) as reminders, coalesce(mp.change_notices, true) as change_notices,
                       o.starts_at as moved_from, r.amount as refund_amount, r.currency as refund_currency,
                       exists (select 1 from package_redemption pr
                               where pr.appointment_id = a.id and pr.reversed_at is not null) as session_back,
                       coalesce(mp.language, g.language, mo.language, 'en') as language,
                       a.desk_paid_at is not null
                           or (r.id is null and exists (select 1 from payment p where p.id = a.payment_id and p.status = 'SUCCEEDED'))
                           or exists (select 1 from package_redemption pr
                                      where pr.appointment_id = a.id and pr.reversed_at is null) as kept,
                       a.amount_due, a.currency, a.pay_at_desk and a.desk_paid_at is null as to_pay_at_desk, a.hold_expires_at
                from appointment a
                join doctor d on d.id = a.doctor_id
                join centre c on c.id = a.centre_id
                join service s on s.id = a.service_id
                join tenant t on t.id = a.tenant_id
                join lead l on l.id = a.lead_id and l.tenant_id = a.tenant_id
                left join mail_preference mp on mp.lead_id = a.lead_id and mp.tenant_id = a.tenant_id
                left join lateral (
                    select gl.name, gl.email, gp.language
                    from family_link fl
                    join lead gl on gl.id = fl.guardian_lead_id and gl.tenant_id = fl.tenant_id
                    left join mail_preference gp on gp.lead_id = gl.id and gp.tenant_id = gl.tenant_id
                    where fl.tenant_id = a.tenant_id and fl.dependant_lead_id = a.lead_id and fl.ended_at is null
                      and (fl.ends_on is null or fl.ends_on > cast((cast(? as timestamptz) at time zone t.timezone) as date))
                      and nullif(btrim(gl.email), '') is not null
                    order by fl.linked_at, fl.id
                    limit 1) g on nullif(btrim(l.email), '') is null
                left join appointment o on o.id = a.rescheduled_from_id
                left join refund r on r.payment_id = a.payment_id
                left join mail_outbox mo on mo.id = ? and mo.appointment_id = a.id
                where a.id = ?""", MailFacts::read, now, messageId, appointmentId);
    }

    private static MailFacts read(Row rs) {
        String currency = rs.getString("refund_currency");
        return new MailFacts(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("lead_id"),
                AppointmentStatus.valueOf(rs.getString("status")), rs.instant("starts_at"), rs.instant("ends_at"),
                rs.instant("created_at"), rs.getString("cancel_reason"), rs.getLong("doctor_id"), rs.getString("doctor"),
                rs.getString("centre"), rs.getString("address"), ZoneId.of(rs.getString("timezone")), rs.getString("service"),
                rs.getString("clinic"), rs.getString("patient"), rs.getString("email"), rs.getBoolean("reminders"),
                rs.getBoolean("change_notices"), rs.instant("moved_from"), rs.getBigDecimal("refund_amount"),
                currency == null ? null : currency.trim(), rs.getBoolean("session_back"), rs.getString("language"),
                rs.getString("guardian"), rs.getBoolean("kept"), rs.getBigDecimal("amount_due"),
                rs.getString("currency").trim(), rs.getBoolean("to_pay_at_desk"), rs.instant("hold_expires_at"));
    }

    /** The message goes to the guardian of a patient with no address of their own. */
    boolean toGuardian() {
        return guardianName != null;
    }

    boolean hasAddress() {
        return email != null && !email.isBlank();
    }
}
