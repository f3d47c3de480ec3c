"""The App Home, one module per section; `compose.build_home_view` puts them together."""
