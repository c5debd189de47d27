"""Sub-commands of `matomo-warehouse`: one module each, with `register(subparsers)`."""
