/**
 * Integration tests wait for processes to start and exit, which a busy machine slows several-fold
 * (`npm run package` twice through tsx took over 30 s with both cores taken by other processes).
 * The timeout only caps a hang, so it is generous; tests that wait for something wait for the
 * event itself (a log line, a reply, an exit), not for a time.
 */
jest.setTimeout(120_000);
