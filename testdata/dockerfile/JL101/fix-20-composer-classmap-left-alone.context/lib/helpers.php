<?php
function report() {}
