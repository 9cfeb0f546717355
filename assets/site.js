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

	/*
	 * Copy-link buttons (hidden for browsers without this script or
	 * without a clipboard) copy their data-copy URL.
	 */
	if (!navigator.clipboard)
		return;
	document.querySelectorAll("button[data-copy]").forEach(function (b) {
		var said = b.parentNode.querySelector(".copied");

		b.hidden = false;
		b.addEventListener("click", function () {
			navigator.clipboard.writeText(b.dataset.copy).then(
			    function () {
				if (said)
					said.textContent = "Link copied.";
			}, function () {
				if (said)
					said.textContent = "Could not copy: " +
					    "copy the address bar instead.";
			});
		});
	});
})();
