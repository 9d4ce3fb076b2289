// The doctor: every check of the Troubleshooting page and `microsoft:doctor`, each a function returning a
// CheckResult (status, detail and fix in words, the docs/troubleshooting.md section). Start with runDoctor() and
// wireDoctorIo(); the checks are in ./checks/, one per file.
export { anyFailed, type CheckResult, type CheckStatus } from './check-result.js';
export { CHECK_SPECS } from './check-specs.js';
export type { ConfigOutcome } from './checks/configuration.js';
export type { DoctorIo } from './doctor-io.js';
export { docsLink, formatReport, reportJson } from './format-report.js';
export { type DoctorDeps, runDoctor } from './run-doctor.js';
export { type WireDoctorInput, wireDoctorIo } from './wire-doctor.js';
