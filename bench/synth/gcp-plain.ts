/** Plain cdktf version of the GCP workload, every resource a child of the stack (see gcp-plain-build.ts). */
import { runPlainGcp } from './gcp-plain-build';

runPlainGcp('flat');
