// Every run shuffles the order of the tests from a seed (EVENHAND_TEST_SEED replays one): see ShuffledTestFramework.
[assembly: Xunit.TestFramework("Evenhand.Tests.Infrastructure.ShuffledTestFramework", "Evenhand.BrowserTests")]
