// Produces and consumes through a real Kafka cluster with the Java clients, configured only from the client
// settings a delivery profile exposes (`java -cp <classes>:<kafka jars>/* DeliveryProbe <bootstrap>`, JSON on stdin):
//   [{topic, count, producer: {k: v}, consumer: {k: v}}] -> [{topic, produced, aborted, received: [values],
//     redeliveredAfterCommit, producerIdempotent}]
// With a `transactional.id` the records go out in two committed transactions around an aborted one, so a
// read_committed consumer must see exactly the committed records. Without one they are sent and flushed.
// The consumer commits after processing when auto commit is off (as the profiles ask), then a second consumer in
// the same group checks that nothing is delivered again.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class DeliveryProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    List<Object> out = new ArrayList<>();
    for (JsonNode run : JSON.readTree(System.in)) out.add(run(args[0], run));
    System.out.println(JSON.writeValueAsString(out));
  }

  private static Properties props(String bootstrap, JsonNode settings) {
    Properties p = new Properties();
    for (Map.Entry<String, JsonNode> e : settings.properties()) p.put(e.getKey(), e.getValue().asText());
    p.put("bootstrap.servers", bootstrap);
    return p;
  }

  private static Map<String, Object> run(String bootstrap, JsonNode run) throws Exception {
    String topic = run.get("topic").asText();
    int count = run.get("count").asInt();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("topic", topic);

    Properties pp = props(bootstrap, run.get("producer"));
    pp.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    pp.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    boolean transactional = pp.containsKey(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    int aborted = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(pp)) {
      if (transactional) {
        producer.initTransactions();
        producer.beginTransaction();
        for (int i = 0; i < count / 2; i++) producer.send(new ProducerRecord<>(topic, "order-" + (i % 7), "committed-" + i));
        producer.commitTransaction();
        producer.beginTransaction();
        for (int i = 0; i < 5; i++, aborted++) producer.send(new ProducerRecord<>(topic, "order-" + i, "aborted-" + i));
        producer.flush();
        producer.abortTransaction();
        producer.beginTransaction();
        for (int i = count / 2; i < count; i++) producer.send(new ProducerRecord<>(topic, "order-" + (i % 7), "committed-" + i));
        producer.commitTransaction();
      } else {
        for (int i = 0; i < count; i++) producer.send(new ProducerRecord<>(topic, "order-" + (i % 7), "committed-" + i));
        producer.flush();
      }
    }
    result.put("produced", count);
    result.put("aborted", aborted);

    String group = "eventform-delivery-" + UUID.randomUUID();
    Properties cp = props(bootstrap, run.get("consumer"));
    cp.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    cp.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    cp.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    boolean manualCommit = "false".equals(cp.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    List<String> received = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.currentTimeMillis() + 60000;
      // Read until every committed record is in, then keep polling briefly to catch duplicates or aborted records.
      long quietUntil = Long.MAX_VALUE;
      while (System.currentTimeMillis() < Math.min(deadline, quietUntil)) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) received.add(r.value());
        if (manualCommit) consumer.commitSync();
        if (received.size() >= count && quietUntil == Long.MAX_VALUE) quietUntil = System.currentTimeMillis() + 2000;
      }
    }
    result.put("received", received);

    int again = 0;
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(cp)) {
      consumer.subscribe(List.of(topic));
      long until = System.currentTimeMillis() + 3000;
      while (System.currentTimeMillis() < until) again += consumer.poll(Duration.ofMillis(200)).count();
    }
    result.put("redeliveredAfterCommit", again);
    return result;
  }
}
