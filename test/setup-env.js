// aws-cdk-lib's built-in template validation costs ~3 s per process; unit tests turn it off. One test
// (test/stacks/aws) turns it back on, strict, for the example stack.
process.env.CDK_VALIDATION = process.env.CDK_VALIDATION ?? 'false';
process.env.CHECKPOINT_DISABLE = '1';
