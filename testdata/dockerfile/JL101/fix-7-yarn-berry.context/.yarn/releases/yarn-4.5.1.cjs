// yarn 4.5.1 release (placeholder for the test)
