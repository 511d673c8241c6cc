// Runs first thing in <body>, before it paints (a file, not inline, for the content security policy): GOV.UK Frontend's
// js-enabled and govuk-frontend-supported classes.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
