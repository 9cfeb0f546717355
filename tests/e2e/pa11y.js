// pa11y (WCAG2AA, HTML_CodeSniffer) on the pages given as JSON on stdin:
// [{name, url, cookie, width}], one system Chromium for them all (no
// browser download: PUPPETEER_EXECUTABLE_PATH).  Prints one JSON line per
// page: {name, width, issues: [{type, code, selector, message}]} or
// {name, width, error}.  Run by test_axe.py.
'use strict';

const pa11y = require('pa11y');
const puppeteer = require('puppeteer');

async function main() {
	let input = '';
	for await (const chunk of process.stdin)
		input += chunk;
	const pages = JSON.parse(input);
	const browser = await puppeteer.launch({
		executablePath: process.env.PUPPETEER_EXECUTABLE_PATH,
		headless: true,
		args: JSON.parse(process.env.FJ_CHROME_FLAGS || '[]')
	});
	try {
		for (const p of pages) {
			const page = await browser.newPage();
			try {
				const r = await pa11y(p.url, {
					browser, page,
					standard: 'WCAG2AA',
					runners: ['htmlcs'],
					includeNotices: false,
					includeWarnings: false,
					timeout: 60000,
					headers: p.cookie ? {Cookie: p.cookie} : {},
					viewport: {width: p.width, height: 800,
					    isMobile: p.width < 1000},
					log: {debug() {}, info() {}, error() {}}
				});
				console.log(JSON.stringify({name: p.name,
				    width: p.width, url: r.pageUrl,
				    issues: r.issues.map(i => ({type: i.type,
				    code: i.code, selector: i.selector,
				    message: i.message}))}));
			} catch (e) {
				console.log(JSON.stringify({name: p.name,
				    width: p.width, error: String(e)}));
			} finally {
				await page.close();
			}
		}
	} finally {
		await browser.close();
	}
}

main().catch(e => {
	console.error(e);
	process.exit(1);
});
