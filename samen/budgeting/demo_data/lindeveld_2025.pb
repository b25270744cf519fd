META
key;value
description;Lindeveld neighbourhood budget 2025 (demo data)
country;Netherlands
unit;Lindeveld
instance;2025
num_projects;6
num_votes;48
budget;50000
vote_type;approval
rule;greedy
currency;EUR
min_length;1
max_length;6
PROJECTS
project_id;cost;name;category
1;18000;Benches and shade trees on the Marktplein;urban greenery
2;12000;Playground repairs in Hoge Akker;sport
3;9000;Repair café in the community centre;welfare
4;25000;Safer crossing at the Kanaalweg school;public transit and roads
5;6000;Open-air cinema nights in summer;culture
6;15000;Wildflower verges along the cycle paths;environmental protection
VOTES
voter_id;vote
1;4,5
2;2,4
3;1,2,3,6
4;1
5;1,5,6
6;1,4
7;1
8;1
9;4
10;1,2,3,4
11;1,2,4
12;4
13;1,2,3,6
14;1,2,6
15;1,2
16;1,2
17;1,2,6
18;2,4
19;3
20;1,3,6
21;6
22;2,5,6
23;1,2,6
24;1,5
25;5
26;1
27;3,4
28;2
29;4
30;6
31;1,4,6
32;1,6
33;3,4,5
34;3,4,5,6
35;2,4
36;1,5
37;1,4,5,6
38;2,4,5
39;1,2
40;1,2,4
41;1,3,4
42;3,4,5,6
43;1,5
44;1,5
45;2,4,5
46;3,4
47;1,4,5,6
48;1,2
