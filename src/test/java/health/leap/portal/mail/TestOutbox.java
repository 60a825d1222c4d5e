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
        // what an earlier test queued for a time still ahead of the clock is not this test's mail
        sql.update("delete from mail_outbox where recipient = ? and status = 'PENDING'", address);
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

    long pending(String address) {
        return sql.one("select count(*) from mail_outbox where recipient = ? and status = 'PENDING'",
                rs -> rs.getLong(1), address).orElseThrow();
    }
}
