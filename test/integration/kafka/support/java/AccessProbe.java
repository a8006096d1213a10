// Tries produce, consume and transactional writes as SASL/PLAIN users against a real Kafka cluster with ACLs
// (`java -cp <classes>:<kafka jars>/* AccessProbe <sasl bootstrap>`, JSON on stdin):
//   [{user, password, action: produce|consume|transact, topic, group?, transactionalId?, value?}]
//     -> [{ok, error, received}]   error is the client exception's class, e.g. TopicAuthorizationException
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class AccessProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    List<Object> out = new ArrayList<>();
    for (JsonNode attempt : JSON.readTree(System.in)) out.add(attempt(args[0], attempt));
    System.out.println(JSON.writeValueAsString(out));
  }

  private static Properties client(String bootstrap, JsonNode a) {
    Properties p = new Properties();
    p.put("bootstrap.servers", bootstrap);
    p.put("security.protocol", "SASL_PLAINTEXT");
    p.put("sasl.mechanism", "PLAIN");
    p.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + a.get("user").asText() + "\" password=\"" + a.get("password").asText() + "\";");
    return p;
  }

  private static Map<String, Object> attempt(String bootstrap, JsonNode a) {
    Map<String, Object> r = new LinkedHashMap<>();
    List<String> received = new ArrayList<>();
    try {
      switch (a.get("action").asText()) {
        case "produce": produce(bootstrap, a, null); break;
        case "transact": produce(bootstrap, a, a.get("transactionalId").asText()); break;
        case "consume": consume(bootstrap, a, received); break;
        default: throw new IllegalArgumentException("unknown action");
      }
      r.put("ok", true);
    } catch (Exception e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      r.put("ok", false);
      r.put("error", cause.getClass().getSimpleName());
    }
    r.put("received", received);
    return r;
  }

  private static void produce(String bootstrap, JsonNode a, String transactionalId) throws Exception {
    Properties p = client(bootstrap, a);
    p.put("key.serializer", StringSerializer.class.getName());
    p.put("value.serializer", StringSerializer.class.getName());
    p.put("acks", "all");
    p.put("max.block.ms", "15000");
    p.put("delivery.timeout.ms", "15000");
    p.put("request.timeout.ms", "10000");
    if (transactionalId != null) p.put("transactional.id", transactionalId);
    else p.put("enable.idempotence", "false");
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      ProducerRecord<String, String> record = new ProducerRecord<>(a.get("topic").asText(), "k", a.path("value").asText("v"));
      if (transactionalId != null) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(record);
        producer.commitTransaction();
      } else {
        producer.send(record).get();
      }
    }
  }

  private static void consume(String bootstrap, JsonNode a, List<String> received) {
    Properties p = client(bootstrap, a);
    p.put("key.deserializer", StringDeserializer.class.getName());
    p.put("value.deserializer", StringDeserializer.class.getName());
    p.put("group.id", a.get("group").asText());
    p.put("auto.offset.reset", "earliest");
    p.put("enable.auto.commit", "false");
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      consumer.subscribe(List.of(a.get("topic").asText()));
      long until = System.currentTimeMillis() + 20000;
      while (received.isEmpty() && System.currentTimeMillis() < until) {
        for (ConsumerRecord<String, String> rec : consumer.poll(Duration.ofMillis(250))) received.add(rec.value());
      }
      if (received.isEmpty()) throw new IllegalStateException("no record within 20 s");
      consumer.commitSync();
    }
  }
}
