package vn.cho40.national;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.cho40.outbox.Topics;

/** Kafka records as the national figures take them: the event id and province from the relay's headers. */
final class TopicRecords {

    private static final Logger log = LoggerFactory.getLogger(TopicRecords.class);

    private TopicRecords() {
    }

    static List<NationalFigures.Received> of(ConsumerRecords<String, String> records) {
        List<NationalFigures.Received> out = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            String id = header(r, Topics.EVENT_ID_HEADER);
            String province = header(r, Topics.PROVINCE_HEADER);
            if (id == null || province == null || r.value() == null) {
                log.warn("bỏ qua bản ghi thiếu mã sự kiện hoặc tỉnh (record without event id or province skipped) "
                        + "{}-{}@{}", r.topic(), r.partition(), r.offset());
                continue;
            }
            try {
                out.add(new NationalFigures.Received(UUID.fromString(id), r.topic(), province, r.value()));
            } catch (IllegalArgumentException e) {
                log.warn("bỏ qua bản ghi có mã sự kiện sai (bad event id) {}-{}@{}", r.topic(), r.partition(), r.offset());
            }
        }
        return out;
    }

    private static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
