package health.leap.portal.mydata;

import health.leap.portal.platform.Money;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link PatientData} as the file a patient downloads, in the format src/docs/my-data.md describes:
 * every field always present (null where there is nothing), instants in ISO-8601 UTC, days as
 * {@code yyyy-mm-dd}, amounts as decimal strings at the currency's minor unit, statuses as their codes.
 * A change to the shape is a new {@link #FORMAT}.
 */
final class PatientDataJson {

    static final String FORMAT = "leaphealth-patient-data/2";

    private static final JsonWriterFactory WRITERS = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private PatientDataJson() {
    }

    static String of(PatientData data) {
        JsonValue document = object(
                "format", FORMAT,
                "exportedAt", data.exportedAt(),
                "patient", object(
                        "id", data.patient().id(),
                        "clinic", data.patient().clinic(),
                        "name", data.patient().name(),
                        "email", data.patient().email(),
                        "phone", data.patient().phone(),
                        "dateOfBirth", data.patient().dateOfBirth()),
                "appointments", array(data.appointments(), b -> object(
                        "id", b.id(),
                        "status", b.status(),
                        "startsAt", b.startsAt(),
                        "endsAt", b.endsAt(),
                        "doctor", b.doctor(),
                        "centre", b.centre(),
                        "service", b.service(),
                        "amountDue", money(b.amountDue(), b.currency()),
                        "currency", b.currency(),
                        "paymentStatus", b.paymentStatus(),
                        "createdAt", b.createdAt(),
                        "cancelReason", b.cancelReason(),
                        "timeline", array(b.timeline(), line -> object(
                                "at", line.at(),
                                "fromStatus", line.fromStatus(),
                                "toStatus", line.toStatus(),
                                "actor", line.actor(),
                                "actorName", line.actorName(),
                                "detail", line.detail())))),
                "payments", array(data.payments(), p -> object(
                        "id", p.id(),
                        "appointmentId", p.appointmentId(),
                        "amount", money(p.amount(), p.currency()),
                        "currency", p.currency(),
                        "reference", p.reference(),
                        "status", p.status(),
                        "createdAt", p.createdAt(),
                        "completedAt", p.completedAt())),
                "refunds", array(data.refunds(), r -> object(
                        "id", r.id(),
                        "paymentId", r.paymentId(),
                        "appointmentId", r.appointmentId(),
                        "amount", money(r.amount(), r.currency()),
                        "currency", r.currency(),
                        "status", r.status(),
                        "createdAt", r.createdAt(),
                        "settledAt", r.settledAt())),
                "packages", array(data.packages(), p -> object(
                        "id", p.id(),
                        "name", p.name(),
                        "status", p.status(),
                        "sessionsUsed", p.sessionsUsed(),
                        "sessionsTotal", p.sessionsTotal(),
                        "validFrom", p.validFrom(),
                        "validUntil", p.validUntil(),
                        "purchasedAt", p.purchasedAt(),
                        "redemptions", array(p.redemptions(), r -> object(
                                "appointmentId", r.appointmentId(),
                                "redeemedAt", r.redeemedAt(),
                                "reversedAt", r.reversedAt())))),
                "familyLinks", array(data.familyLinks(), l -> object(
                        "role", l.role(),
                        "otherPerson", l.otherPerson(),
                        "relationship", l.relationship(),
                        "linkedAt", l.linkedAt(),
                        "endsOn", l.endsOn(),
                        "endedAt", l.endedAt())),
                "mailChoices", object(
                        "reminders", data.mailChoices().reminders(),
                        "changeNotices", data.mailChoices().changeNotices(),
                        "language", data.mailChoices().language(),
                        "updatedAt", data.mailChoices().updatedAt()),
                "mailsSent", array(data.mailsSent(), m -> object(
                        "appointmentId", m.appointmentId(),
                        "kind", m.kind(),
                        "status", m.status(),
                        "recipient", m.recipient(),
                        "subject", m.subject(),
                        "createdAt", m.createdAt(),
                        "sentAt", m.sentAt())),
                "contactChanges", array(data.contactChanges(), c -> object(
                        "at", c.at(),
                        "field", c.field(),
                        "oldValue", c.oldValue(),
                        "newValue", c.newValue(),
                        "actor", c.actor(),
                        "actorName", c.by())));
        StringWriter out = new StringWriter();
        try (JsonWriter writer = WRITERS.createWriter(out)) {
            writer.write(document);
        }
        return out.toString();
    }

    /** An object of {@code name, value} pairs, in that order. */
    private static JsonValue object(Object... namesAndValues) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            object.add((String) namesAndValues[i], value(namesAndValues[i + 1]));
        }
        return object.build();
    }

    private static <T> JsonValue array(List<T> items, Function<T, JsonValue> item) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        items.forEach(i -> array.add(item.apply(i)));
        return array.build();
    }

    /** 20.000 GBP as the database keeps it is "20.00". */
    private static String money(BigDecimal amount, String currency) {
        return amount == null ? null : Money.atMinorUnit(amount, currency).toPlainString();
    }

    /** Numbers and true or false as themselves; instants, days and codes as their ISO-8601 or code text. */
    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue json) {
            return json;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Long n) {
            return Json.createValue(n);
        }
        if (value instanceof Integer n) {
            return Json.createValue(n);
        }
        if (value instanceof Enum<?> code) {
            return Json.createValue(code.name());
        }
        return Json.createValue(value.toString());
    }
}
