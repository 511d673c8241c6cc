// Progressive enhancement only: every page works without JavaScript.
// Relative imports, so the app also works under a path base.
import { initAll as initGovUk } from '../lib/govuk/govuk-frontend.min.js'
import { initAll as initMoj } from '../lib/moj/moj-frontend.min.js'

initGovUk()
initMoj()
