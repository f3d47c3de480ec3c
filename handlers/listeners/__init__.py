"""Each feature's listeners, one module per feature with a `register(app)` the registry names."""
