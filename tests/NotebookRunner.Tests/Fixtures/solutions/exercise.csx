double? answer = 42;
