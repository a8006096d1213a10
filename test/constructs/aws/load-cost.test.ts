import { filesLoadedBy } from '../../support/loaded-files';

describe('loading eventform/aws', () => {
  test('loads the core modules it uses (errors, validation, the pattern validator) and not the barrel', () => {
    const loaded = filesLoadedBy('./constructs/aws');
    const core = loaded.filter((f) => f.startsWith('lib/'));
    expect(loaded.filter((f) => /^node_modules\/(ajv|avsc|protobufjs|cloudevents)\//.test(f))).toEqual([]);
    expect(core).toEqual(
      expect.arrayContaining(['lib/errors.ts', 'lib/validation.ts', 'lib/pattern/compiled-pattern.ts']),
    );
    // Rules validate their patterns at construction; schemas, envelopes and the pattern builder/test helpers are not
    // needed to define a bus, so `require('eventform/aws')` does not pay for them (ajv, avsc, protobufjs, cloudevents).
    expect(core.filter((f) => /^lib\/(index|schema|envelope)/.test(f) || f.startsWith('lib/pattern/index'))).toEqual(
      [],
    );
    expect(core.filter((f) => /^lib\/pattern\/(event-match|event-pattern-set|testing)/.test(f))).toEqual([]);
    expect(core.length).toBeLessThanOrEqual(16);
  });
});
