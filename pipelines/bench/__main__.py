from pipelines.bench import main

raise SystemExit(main())
