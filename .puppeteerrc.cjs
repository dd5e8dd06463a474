/**
 * briefdeck drives the system's Chrome/Chromium (found like marp-cli does), so the
 * browser download that puppeteer would run at install time is skipped by default.
 * Set PUPPETEER_SKIP_DOWNLOAD=false to let puppeteer fetch its own browser instead.
 */
module.exports = {
  skipDownload: process.env.PUPPETEER_SKIP_DOWNLOAD === 'false' ? false : true,
};
