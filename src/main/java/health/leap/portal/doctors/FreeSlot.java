package health.leap.portal.doctors;

import java.time.Instant;

/** A slot nobody holds, that the patient may book now. */
public record FreeSlot(long id, Instant startsAt, Instant endsAt) {
}
