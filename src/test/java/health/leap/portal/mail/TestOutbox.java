package health.leap.portal.mail;

import health.leap.portal.platform.Fixtures;
import health.leap.portal.platform.MailServer;
import health.leap.portal.platform.Sql;
import health.leap.portal.platform.TestClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** A test patient's mail: a fresh start with an address, and the sender run as its job runs it. */
@ApplicationScoped
class TestOutbox {

    @Inject
    Sql sql;
    @Inject
    TestClock clock;
    @Inject
    Fixtures fixtures;
    @Inject
    MailSender sender;

    /**
     * Patient {@code lead} of tenant 1 with {@code address}, every choice on, nothing waiting to be
     * sent to them and nothing in the test mail server.
     */
    void freshPatient(long lead, String address) {
        fixtures.freshPatient(1, lead);
        sql.update("update lead set email = ? where id = ?", address, lead);
        sql.update("delete from mail_preference where lead_id = ?", lead);
        MailServer.startServer();
        sendAll(address);
        // what an earlier test left waiting (a retry, or a time still ahead of the clock) is not this
        // test's mail: pending rows have no recipient yet, so they are found by the patient they are for
        sql.update("delete from mail_outbox where status = 'PENDING' and lead_id in (" + LEADS_MAILED_AT + ")", address, address);
        MailServer.clear();
    }

    /** Runs the sender until nothing is due for {@code address}, as its job does. */
    void sendAll(String address) {
        for (int round = 0; round < 6; round++) {
            for (int i = 0; i < 100 && sender.sendBatch(MailSender.BATCH).more(); i++) {
                // next batch
            }
            if (pending(address) == 0) {
                return;
            }
            // a send the server did not answer in time waits to be tried again: let that time pass
            clock.advance(Duration.ofHours(1));
        }
    }

    /** Messages still waiting whose patient is mailed at {@code address}: their own, or a guardian's. */
    long pending(String address) {
        return sql.one("select count(*) from mail_outbox where status = 'PENDING' and lead_id in (" + LEADS_MAILED_AT + ")",
                rs -> rs.getLong(1), address, address).orElseThrow();
    }

    /** The patients whose mail goes to an address (bound twice): who has it, and whom its owner books for. */
    private static final String LEADS_MAILED_AT = """
            select id from lead where email = ?
            union select f.dependant_lead_id from family_link f join lead g on g.id = f.guardian_lead_id
            where g.email = ? and f.ended_at is null""";
}
