const http = require("http");
