import { Token } from 'aws-cdk-lib';
import { EventformError } from '../../lib/errors';
import { show } from '../../lib/validation';

const ACCOUNT_ID = /^\d{12}$/;
const ORG_ID = /^o-[a-z0-9]{10,32}$/;

/** The IAM principal and condition of one bus-policy statement. */
export interface PutEventsPrincipalConfig {
  /** `Principal` of the statement. */
  readonly principal: { AWS: string | string[] } | '*';
  /** `Condition` of the statement, if any. */
  readonly condition?: Record<string, Record<string, string>>;
  /** Words for the statement id. */
  readonly sid: string;
}

/**
 * Who may put events on a bus from outside its account: named accounts or a whole AWS Organization. There is no
 * way to grant `*` without a condition.
 */
export class PutEventsPrincipal {
  /** One or more 12-digit AWS account ids. */
  static accounts(...accountIds: string[]): PutEventsPrincipal {
    const bad = accountIds.filter((a) => !Token.isUnresolved(a) && !ACCOUNT_ID.test(a));
    if (accountIds.length === 0 || bad.length > 0) {
      throw new EventformError({
        code: 'EVENTS_ACCOUNT_ID',
        path: 'accountIds',
        message: `PutEventsPrincipal.accounts needs 12-digit AWS account ids; got ${show(accountIds)}. Pass e.g. '123456789012'.`,
      });
    }
    const principal = accountIds.map((a) => `arn:aws:iam::${a}:root`);
    return new PutEventsPrincipal({
      principal: { AWS: principal.length === 1 ? principal[0] : principal },
      sid: 'Accounts',
    });
  }

  /** Every account of an AWS Organization (`o-` followed by 10-32 lower-case letters or digits). */
  static organization(organizationId: string): PutEventsPrincipal {
    if (!Token.isUnresolved(organizationId) && !ORG_ID.test(organizationId)) {
      throw new EventformError({
        code: 'EVENTS_ORGANIZATION_ID',
        path: 'organizationId',
        message: `PutEventsPrincipal.organization needs an id like o-a1b2c3d4e5; got ${show(organizationId)}.`,
      });
    }
    return new PutEventsPrincipal({
      principal: '*',
      condition: { StringEquals: { 'aws:PrincipalOrgID': organizationId } },
      sid: 'Organization',
    });
  }

  private constructor(readonly config: PutEventsPrincipalConfig) {}
}
