/*
 * fashionjobs: the little the pages do with JavaScript; every page works
 * without it.  Served from /static/site.js (the CSP allows scripts from
 * the board itself only, no inline script).
 */
(function () {
	"use strict";

	/* A form sent back with errors: start where they are listed. */
	var summary = document.querySelector("[data-error-summary]");
	if (summary)
		summary.focus();
})();
