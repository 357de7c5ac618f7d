require_relative "lib/billing/version"
Gem::Specification.new do |s|
  s.name = "billing"
  s.version = Billing::VERSION
end
