// The reader's core checks in Firefox ESR (geckodriver): the list in
// support/engine-checks.mjs, shared with WebKit.
import { engineChecks } from './support/engine-checks.mjs';

engineChecks('firefox');
