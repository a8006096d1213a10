import { App, Duration, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Archive, EventBus, EventBusAlarms, Replay, SchemaRegistry } from '../../../constructs/aws';
import { EventSchema } from '../../../lib';
import { ENV, template } from './fixtures';
import { expectEventformError } from './helpers';

describe('Archive, Replay, SchemaRegistry, EventBusAlarms', () => {
  let full: Template;
  let minimal: Template;
  let schemas: Template;
  let alarms: Template;
  beforeAll(() => {
    full = template('full');
    minimal = template('minimal');
    schemas = template('schemas');
    alarms = template('alarms');
  });
  const stack = () => new Stack(new App(), 'S', { env: ENV });

  test('archive defaults: every event, kept forever, retained on delete', () => {
    minimal.hasResource('AWS::Events::Archive', {
      Properties: {
        SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] },
        RetentionDays: 0,
        EventPattern: Match.absent(),
      },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('archive with name, description, pattern and 30-day retention', () => {
    full.hasResourceProperties('AWS::Events::Archive', {
      ArchiveName: 'orders-archive',
      Description: 'all order events',
      EventPattern: { source: ['order-service'] },
      RetentionDays: 30,
    });
  });

  test('replay: AWS::Events::Replay of the archive window back onto its bus', () => {
    full.hasResourceProperties('AWS::Events::Replay', {
      ReplayName: 'orders-replay-2024-01-15',
      EventSourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Archive'), 'Arn'] },
      EventStartTime: '2024-01-15T00:00:00.000Z',
      EventEndTime: '2024-01-15T23:59:59.000Z',
      Destination: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] } },
    });
  });

  test('schema registry: Avro -> OpenAPI 3 and JSON Schema draft 4, JSON Schema draft 4 as is, discoverer', () => {
    schemas.hasResourceProperties('AWS::EventSchemas::Registry', {
      RegistryName: 'order-schemas',
      Description: 'orders',
    });
    const byName: Record<string, Record<string, unknown> & { Content: string }> = Object.fromEntries(
      Object.values(schemas.findResources('AWS::EventSchemas::Schema')).map((r) => [
        r.Properties.SchemaName,
        r.Properties,
      ]),
    );
    expect(Object.keys(byName).sort()).toEqual(['OrderCancelled', 'OrderPlacedDraft4', 'com.example.OrderPlaced']);
    const openapi = JSON.parse(byName['com.example.OrderPlaced'].Content);
    expect(byName['com.example.OrderPlaced'].Type).toBe('OpenApi3');
    expect(openapi.components.schemas).toHaveProperty('OrderPlaced');
    expect(byName.OrderPlacedDraft4).toMatchObject({ Type: 'JSONSchemaDraft4', Description: 'draft 4' });
    expect(JSON.parse(byName.OrderPlacedDraft4.Content).$schema).toMatch(/draft-04/);
    expect(byName.OrderCancelled.Type).toBe('JSONSchemaDraft4');
    expect(JSON.parse(byName.OrderCancelled.Content).required).toEqual(['orderId']);
    for (const s of Object.values(byName)) {
      expect(s.RegistryName).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Registry/), 'RegistryName'] });
    }
    schemas.hasResourceProperties('AWS::EventSchemas::Discoverer', {
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bus'), 'Arn'] },
      CrossAccount: false,
    });
  });

  test('alarms: DLQ depth > 0 per DLQ (targets and bus), FailedInvocations and ThrottledRules per rule, SNS action', () => {
    alarms.resourceCountIs('AWS::CloudWatch::Alarm', 2 + 2 * 2);
    alarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Statistic: 'Maximum',
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
      OKActions: [{ Ref: Match.stringLikeRegexp('^Alerts') }],
    });
    for (const metric of ['FailedInvocations', 'ThrottledRules']) {
      alarms.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/Events',
        MetricName: metric,
        Statistic: 'Sum',
        Period: 60,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        Dimensions: [
          { Name: 'EventBusName', Value: { Ref: Match.stringLikeRegexp('^Bus') } },
          { Name: 'RuleName', Value: 'rule-a' },
        ],
      });
    }
  });

  test('alarms without a topic have no actions', () => {
    const s = stack();
    const bus = new EventBus(s, 'B');
    new EventBusAlarms(s, 'A', { eventBus: bus, deadLetterQueues: [], rules: [] });
    Template.fromStack(s).resourceCountIs('AWS::CloudWatch::Alarm', 0);
  });

  test('a bus with an imported CMK gets a warning: its key policy cannot be changed here', () => {
    const s = stack();
    new EventBus(s, 'B', { encryptionKey: kms.Key.fromKeyArn(s, 'K', 'arn:aws:kms:us-east-1:111111111111:key/k') });
    Annotations.fromStack(s).hasWarning('/S/B', Match.stringLikeRegexp("bus's KMS key is imported"));
  });

  describe('limits', () => {
    test('archive name > 48 characters, bad retention, invalid pattern', () => {
      const s = stack();
      const bus = new EventBus(s, 'B');
      expectEventformError(
        () => bus.addArchive('A', { archiveName: 'a'.repeat(49) }),
        'EVENTS_ARCHIVE_NAME',
        /1-48 characters/,
      );
      expectEventformError(
        () => bus.addArchive('B', { retentionDays: -1 }),
        'EVENTS_ARCHIVE_RETENTION',
        /0 to keep events forever/,
      );
      expectEventformError(() => bus.addArchive('C', { retentionDays: 1.5 }), 'EVENTS_ARCHIVE_RETENTION', /integer/);
      expectEventformError(
        () => new Archive(s, 'D', { eventBus: bus, eventPattern: { source: 'order-service' } as never }),
        'PATTERN_LEAF_NOT_ARRAY',
        /Wrap the value in an array/,
      );
      expectEventformError(() => bus.addArchive('E', { description: 'd'.repeat(513) }), 'EVENTS_DESCRIPTION', /512/);
    });

    test('replay window, name', () => {
      const s = stack();
      const archive = new EventBus(s, 'B').addArchive('A');
      const props = {
        archive,
        replayName: 'r',
        eventStartTime: new Date('2024-01-02'),
        eventEndTime: new Date('2024-01-01'),
      };
      expectEventformError(
        () => new Replay(s, 'R1', props),
        'EVENTS_REPLAY_WINDOW',
        /must be after eventStartTime; got 2024-01-02/,
      );
      expectEventformError(
        () => new Replay(s, 'R2', { ...props, eventStartTime: new Date('nope') }),
        'EVENTS_REPLAY_WINDOW',
        /valid dates/,
      );
      expectEventformError(
        () => new Replay(s, 'R3', { ...props, replayName: 'a b', eventEndTime: new Date('2024-01-03') }),
        'EVENTS_REPLAY_NAME',
        /1-64 characters/,
      );
    });

    test('registry and schema names, formats and drafts', () => {
      const s = stack();
      expectEventformError(
        () => new SchemaRegistry(s, 'R1', { registryName: 'aws.mine' }),
        'EVENTS_REGISTRY_NAME',
        /reserved/,
      );
      expectEventformError(
        () => new SchemaRegistry(s, 'R2', { registryName: 'a b' }),
        'EVENTS_REGISTRY_NAME',
        /1-64 characters/,
      );
      const registry = new SchemaRegistry(s, 'R3');
      const proto = EventSchema.protobuf('syntax = "proto3"; message Order { string id = 1; }');
      expectEventformError(() => registry.addSchema(proto), 'EVENTS_SCHEMA_FORMAT', /PROTOBUF/);
      const json7 = EventSchema.jsonSchema({
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'X',
        type: 'object',
      });
      expectEventformError(() => registry.addSchema(json7), 'EVENTS_SCHEMA_DRAFT', /draft-07/);
      const json4 = EventSchema.jsonSchema({ title: 'Y', type: 'object' });
      expectEventformError(
        () => registry.addSchema(json4, { type: 'OpenApi3' }),
        'EVENTS_SCHEMA_FORMAT',
        /JSONSchemaDraft4/,
      );
      const avro = EventSchema.avro({ type: 'record', name: 'Z', fields: [] });
      expectEventformError(
        () => registry.addSchema(avro, { schemaName: 'has space' }),
        'EVENTS_SCHEMA_NAME',
        /letters, digits/,
      );
    });

    test('alarm period: 1 minute to 1 day, whole minutes', () => {
      const s = stack();
      const bus = new EventBus(s, 'B');
      expectEventformError(
        () => new EventBusAlarms(s, 'A', { eventBus: bus, period: Duration.seconds(30) }),
        'EVENTS_ALARM_PERIOD',
        /between 60 s and 86400 s/,
      );
      expectEventformError(
        () => new EventBusAlarms(s, 'C', { eventBus: bus, period: Duration.seconds(90) }),
        'EVENTS_ALARM_PERIOD',
        /whole number of minutes/,
      );
    });
  });
});
