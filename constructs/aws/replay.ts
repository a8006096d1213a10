import { CfnResource, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PropsValidator } from '../../lib/validation';
import type { Archive } from './archive';
import { EVENTBRIDGE_LIMITS, eventBridgeNameRule } from './limits';

const iso = (d: Date): string => (Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString());

/** Properties of a {@link Replay}. */
export interface ReplayProps {
  /** The archive whose events are replayed; they go back onto the bus the archive was made from. */
  readonly archive: Archive;
  /** Name of the replay: 1-64 characters of letters, digits, `.`, `-` and `_`; unique per account and region. */
  readonly replayName: string;
  /** Events archived at or after this time are replayed. */
  readonly eventStartTime: Date;
  /** Events archived before this time are replayed; must be after `eventStartTime`. */
  readonly eventEndTime: Date;
}

/**
 * A replay (`AWS::Events::Replay`) of an archive's events in a time window back onto the bus. A replay runs once,
 * when the resource is created; changing any property replaces it (starts a new replay). For an ad-hoc replay use
 * the CLI instead (see the README).
 */
export class Replay extends Construct {
  /** Name of the replay. */
  readonly replayName: string;
  /** The CloudFormation resource. */
  readonly resource: CfnResource;

  constructor(scope: Construct, id: string, props: ReplayProps) {
    super(scope, id);
    const v = new PropsValidator(this.node.path, Token.isUnresolved);
    v.text('replayName', props.replayName, 'EVENTS_REPLAY_NAME', eventBridgeNameRule(EVENTBRIDGE_LIMITS.replayNameMax));
    const start = props.eventStartTime.getTime();
    const end = props.eventEndTime.getTime();
    v.check(
      !Number.isNaN(start) && !Number.isNaN(end),
      'EVENTS_REPLAY_WINDOW',
      'eventStartTime',
      'eventStartTime and eventEndTime must be valid dates; got an Invalid Date.',
    );
    v.check(
      Number.isNaN(start) || Number.isNaN(end) || start < end,
      'EVENTS_REPLAY_WINDOW',
      'eventEndTime',
      `eventEndTime must be after eventStartTime; got ${iso(props.eventStartTime)} to ${iso(props.eventEndTime)}. ` +
        'Swap or widen the window.',
    );
    v.throwIfAny();
    this.replayName = props.replayName;
    this.resource = new CfnResource(this, 'Resource', {
      type: 'AWS::Events::Replay',
      properties: {
        ReplayName: props.replayName,
        EventSourceArn: props.archive.archiveArn,
        EventStartTime: props.eventStartTime.toISOString(),
        EventEndTime: props.eventEndTime.toISOString(),
        Destination: { Arn: props.archive.eventBus.eventBusArn },
      },
    });
  }
}
