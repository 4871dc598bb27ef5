// A test of the e2e project starts the API and Chromium on busy cores, then waits on pages: seconds each, not milliseconds.
jest.setTimeout(180_000);
