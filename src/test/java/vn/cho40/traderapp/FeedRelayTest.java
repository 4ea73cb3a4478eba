package vn.cho40.traderapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.cho40.traderapp.FeedRelay.Announcement;

class FeedRelayTest {

    private static Announcement announcement(int i) {
        // every third one carried a payment code (an order's, say): the other server looks up what it paid for
        return new Announcement(UUID.randomUUID(), UUID.randomUUID(), 1_000L * i, Instant.ofEpochMilli(1_760_000_000_000L + i),
                i % 3 == 0);
    }

    @Test
    void anotherServersAnnouncementsComeBackWhole() {
        List<Announcement> sent = List.of(announcement(1), announcement(2), announcement(3));
        List<String> payloads = FeedRelay.encode("aaaa1111", sent);
        assertThat(payloads).hasSize(1);
        assertThat(FeedRelay.decodeForeign("bbbb2222", payloads.getFirst())).isEqualTo(sent);
    }

    @Test
    void aServerIgnoresItsOwnAnnouncementsItPushedDirectly() {
        String payload = FeedRelay.encode("aaaa1111", List.of(announcement(1))).getFirst();
        assertThat(FeedRelay.decodeForeign("aaaa1111", payload)).isEmpty();
    }

    @Test
    void aBigBatchIsSplitUnderPostgresqlsPayloadLimitAndNothingIsLost() {
        List<Announcement> sent = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            sent.add(announcement(i));
        }
        List<String> payloads = FeedRelay.encode("aaaa1111", sent);
        assertThat(payloads).hasSizeGreaterThan(10).allSatisfy(p -> assertThat(p.length()).isLessThan(8_000));
        List<Announcement> back = new ArrayList<>();
        payloads.forEach(p -> back.addAll(FeedRelay.decodeForeign("other", p)));
        assertThat(back).isEqualTo(sent);
    }

    @Test
    void aMalformedItemIsSkippedNotFatal() {
        Announcement good = announcement(7);
        String payload = FeedRelay.encode("aaaa1111", List.of(good)).getFirst() + ";garbage,1;";
        assertThat(FeedRelay.decodeForeign("other", payload)).containsExactly(good);
        assertThat(FeedRelay.decodeForeign("other", "no bar at all")).isEmpty();
        assertThat(FeedRelay.decodeForeign("other", null)).isEmpty();
    }
}
