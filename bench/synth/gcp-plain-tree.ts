/**
 * Plain cdktf version of the GCP workload under plain `Construct` scopes with eventform's construct paths and logical
 * IDs (see gcp-plain-build.ts): the reference that separates cdktf's cost of nested paths from eventform's own.
 */
import { runPlainGcp } from './gcp-plain-build';

runPlainGcp('tree');
