// The reader's core checks in WebKit, Safari's engine (WebKitGTK's
// WebKitWebDriver and MiniBrowser on Xvfb): the list in
// support/engine-checks.mjs, shared with Firefox.
import { engineChecks } from './support/engine-checks.mjs';

engineChecks('webkit');
