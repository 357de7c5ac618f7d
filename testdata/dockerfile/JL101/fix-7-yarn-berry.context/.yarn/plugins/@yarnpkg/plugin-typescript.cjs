// plugin (placeholder for the test)
