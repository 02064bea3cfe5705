from flowls.lsp.main import main

main()
