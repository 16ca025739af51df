Console.WriteLine("runner: not yet implemented"); return 2;
