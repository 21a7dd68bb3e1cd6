print("artel")
