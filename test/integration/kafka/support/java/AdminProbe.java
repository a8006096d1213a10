// Asks a real Kafka broker, through the Java AdminClient, what it thinks of topic requests
// (`java -cp <classes>:<kafka jars>/* AdminProbe <bootstrap>`). Reads one JSON request per line on stdin,
// `{"command": ..., "request": ...}`, and answers each with one JSON line on stdout, `{"answer": ...}` or
// `{"failure": "..."}`. The Java client is used because it keeps the broker's own error message (kafkajs drops it).
//   create:     [{name, partitions, replicationFactor, configs: {k: v}, validateOnly}] -> [{name, ok, error, message}]
//   describe:   [name] -> {name: {partitions, replicationFactor, configs: {k: {value, source}}}}
//   partitions: [{name, totalCount, validateOnly}] -> [{name, ok, error, message}]
//   delete:     [name] -> [{name, ok, error, message}]
//   acls:       [{principal, host, operation, permissionType, resourceType, resourceName, patternType}] (spelled as
//               the Terraform provider under @pulumi/kafka spells them) -> [{name, ok, error, message}]
//   listAcls:   null -> [{principal, host, operation, permissionType, resourceType, resourceName, patternType}]
//   quotas:     [{entityType, entityName, config: {k: v}}] -> [{name, ok, error, message}]
//   listQuotas: null -> [{entityType, entityName, config: {k: v}}]
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.CreatePartitionsOptions;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.quota.ClientQuotaFilter;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

public class AdminProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static void main(String[] args) throws Exception {
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "20000");
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "40000");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try (Admin admin = Admin.create(props)) {
      System.out.println("{\"ready\": true}");
      System.out.flush();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) continue;
        Map<String, Object> reply = new LinkedHashMap<>();
        try {
          JsonNode message = JSON.readTree(line);
          reply.put("answer", run(admin, message.get("command").asText(), message.get("request")));
        } catch (Exception e) {
          reply.put("failure", e.toString());
        }
        System.out.println(JSON.writeValueAsString(reply));
        System.out.flush();
      }
    }
  }

  private static Object run(Admin admin, String command, JsonNode request) throws Exception {
    switch (command) {
      case "create": return create(admin, request);
      case "describe": return describe(admin, request);
      case "partitions": return partitions(admin, request);
      case "delete": return delete(admin, request);
      case "acls": return acls(admin, request);
      case "listAcls": return listAcls(admin);
      case "quotas": return quotas(admin, request);
      case "listQuotas": return listQuotas(admin);
      default: throw new IllegalArgumentException("unknown command " + command);
    }
  }

  private static Map<String, Object> outcome(String name, KafkaFuture<?> future) throws InterruptedException {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("name", name);
    try {
      future.get(60, TimeUnit.SECONDS);
      r.put("ok", true);
    } catch (ExecutionException e) {
      r.put("ok", false);
      r.put("error", e.getCause().getClass().getSimpleName());
      r.put("message", e.getCause().getMessage());
    } catch (java.util.concurrent.TimeoutException e) {
      r.put("ok", false);
      r.put("error", "TimeoutException");
      r.put("message", "no answer in 60 s");
    }
    return r;
  }

  private static List<Object> create(Admin admin, JsonNode request) throws InterruptedException {
    // One request per topic: validateOnly is per call, and names may repeat across cases.
    List<Object> out = new ArrayList<>();
    for (JsonNode t : request) {
      Map<String, String> configs = new HashMap<>();
      for (Map.Entry<String, JsonNode> e : t.path("configs").properties()) configs.put(e.getKey(), e.getValue().asText());
      NewTopic topic = new NewTopic(t.get("name").asText(), t.get("partitions").asInt(), (short) t.get("replicationFactor").asInt())
          .configs(configs);
      CreateTopicsOptions options = new CreateTopicsOptions().validateOnly(t.path("validateOnly").asBoolean(false));
      out.add(outcome(t.get("name").asText(), admin.createTopics(List.of(topic), options).all()));
    }
    return out;
  }

  private static Map<String, Object> describe(Admin admin, JsonNode request) throws Exception {
    List<String> names = new ArrayList<>();
    request.forEach(n -> names.add(n.asText()));
    // A topic just created may not have reached every broker's metadata yet: retry for up to 20 s.
    Map<String, TopicDescription> topics = null;
    for (int attempt = 0; topics == null; attempt++) {
      try {
        topics = admin.describeTopics(names).allTopicNames().get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || attempt >= 80) throw e;
        Thread.sleep(250);
      }
    }
    Collection<ConfigResource> resources = new ArrayList<>();
    for (String n : names) resources.add(new ConfigResource(ConfigResource.Type.TOPIC, n));
    Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(60, TimeUnit.SECONDS);
    Map<String, Object> out = new LinkedHashMap<>();
    for (String n : names) {
      Map<String, Object> t = new LinkedHashMap<>();
      TopicDescription d = topics.get(n);
      t.put("partitions", d.partitions().size());
      t.put("replicationFactor", d.partitions().get(0).replicas().size());
      Map<String, Object> c = new LinkedHashMap<>();
      for (ConfigEntry e : configs.get(new ConfigResource(ConfigResource.Type.TOPIC, n)).entries()) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("value", e.value());
        v.put("source", e.source().name());
        c.put(e.name(), v);
      }
      t.put("configs", c);
      out.put(n, t);
    }
    return out;
  }

  private static List<Object> partitions(Admin admin, JsonNode request) throws InterruptedException {
    List<Object> out = new ArrayList<>();
    for (JsonNode t : request) {
      String name = t.get("name").asText();
      CreatePartitionsOptions options = new CreatePartitionsOptions().validateOnly(t.path("validateOnly").asBoolean(false));
      out.add(outcome(name, admin.createPartitions(Map.of(name, NewPartitions.increaseTo(t.get("totalCount").asInt())), options).all()));
    }
    return out;
  }

  private static List<Object> delete(Admin admin, JsonNode request) throws InterruptedException {
    List<Object> out = new ArrayList<>();
    for (JsonNode n : request) out.add(outcome(n.asText(), admin.deleteTopics(List.of(n.asText())).all()));
    return out;
  }

  private static ResourceType resourceType(String name) {
    // The provider's TransactionalID is Java's TRANSACTIONAL_ID; the other names only differ in case.
    return "transactionalid".equalsIgnoreCase(name) ? ResourceType.TRANSACTIONAL_ID : ResourceType.fromString(name);
  }

  private static List<Object> acls(Admin admin, JsonNode request) throws InterruptedException {
    List<Object> out = new ArrayList<>();
    for (JsonNode a : request) {
      AclBinding binding = new AclBinding(
          new ResourcePattern(resourceType(a.get("resourceType").asText()), a.get("resourceName").asText(),
              PatternType.fromString(a.get("patternType").asText().toUpperCase(java.util.Locale.ROOT))),
          new AccessControlEntry(a.get("principal").asText(), a.get("host").asText(),
              AclOperation.fromString(a.get("operation").asText()), AclPermissionType.fromString(a.get("permissionType").asText())));
      if (binding.isUnknown()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", binding.toString());
        r.put("ok", false);
        r.put("error", "UnknownValue");
        r.put("message", "a field of " + a + " is not a Kafka ACL value");
        out.add(r);
        continue;
      }
      out.add(outcome(binding.toString(), admin.createAcls(List.of(binding)).all()));
    }
    return out;
  }

  private static List<Object> listAcls(Admin admin) throws Exception {
    List<Object> out = new ArrayList<>();
    for (AclBinding b : admin.describeAcls(AclBindingFilter.ANY).values().get(60, TimeUnit.SECONDS)) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("principal", b.entry().principal());
      r.put("host", b.entry().host());
      r.put("operation", b.entry().operation().name());
      r.put("permissionType", b.entry().permissionType().name());
      r.put("resourceType", b.pattern().resourceType().name());
      r.put("resourceName", b.pattern().name());
      r.put("patternType", b.pattern().patternType().name());
      out.add(r);
    }
    return out;
  }

  private static List<Object> quotas(Admin admin, JsonNode request) throws InterruptedException {
    List<Object> out = new ArrayList<>();
    for (JsonNode q : request) {
      ClientQuotaEntity entity = new ClientQuotaEntity(Map.of(q.get("entityType").asText(), q.get("entityName").asText()));
      List<ClientQuotaAlteration.Op> ops = new ArrayList<>();
      for (Map.Entry<String, JsonNode> e : q.path("config").properties()) {
        ops.add(new ClientQuotaAlteration.Op(e.getKey(), Double.valueOf(e.getValue().asText())));
      }
      out.add(outcome(entity.toString(), admin.alterClientQuotas(List.of(new ClientQuotaAlteration(entity, ops))).all()));
    }
    return out;
  }

  private static List<Object> listQuotas(Admin admin) throws Exception {
    List<Object> out = new ArrayList<>();
    Map<ClientQuotaEntity, Map<String, Double>> all =
        admin.describeClientQuotas(ClientQuotaFilter.all()).entities().get(60, TimeUnit.SECONDS);
    for (Map.Entry<ClientQuotaEntity, Map<String, Double>> e : all.entrySet()) {
      for (Map.Entry<String, String> id : e.getKey().entries().entrySet()) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("entityType", id.getKey());
        r.put("entityName", id.getValue());
        r.put("config", e.getValue());
        out.add(r);
      }
    }
    return out;
  }
}
