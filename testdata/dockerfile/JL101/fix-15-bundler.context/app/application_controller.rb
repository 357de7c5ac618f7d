class ApplicationController; end
